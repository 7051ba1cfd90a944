/** Public platform information: the certificates merchants verify Payrail's signatures with. */
package io.payrail.web.api.platform;
