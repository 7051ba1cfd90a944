package io.payrail.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Payrail merchant API", version = "v1",
        description = "Create and query payment orders. Amounts are integers in the currency's minor unit."))
public class PayrailApi extends Application {
}
