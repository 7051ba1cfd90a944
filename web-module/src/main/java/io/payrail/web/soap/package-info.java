/**
 * The SOAP binding of the merchant gateway (WEB-INF/wsdl/payrail-gateway.wsdl, contract first):
 * the same operations, authentication, validation and error codes as the REST API, with failures
 * as typed {@code PayrailFault}s. docs/soap.md says exactly what is signed.
 */
package io.payrail.web.soap;
