package io.payrail.web.api.security;

/** Which guard a path (relative to /api) falls under. */
final class GatewayPaths {

    private GatewayPaths() {
    }

    /** The merchant API: everything under v1/ but the public platform certificates. */
    static boolean isMerchantApi(String path) {
        String p = strip(path);
        return p.startsWith("v1/") && !p.startsWith("v1/platform/");
    }

    /** Responses that merchants verify: all of v1/. */
    static boolean isSigned(String path) {
        return strip(path).startsWith("v1/");
    }

    static boolean isOperatorApi(String path) {
        return strip(path).startsWith("operator/");
    }

    /** Where staff ask for an operator-API token: the only operator call without one. */
    static boolean isTokenRequest(String path) {
        return strip(path).equals("operator/tokens");
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
