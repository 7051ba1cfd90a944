/** The endpoint where channels deliver their signed asynchronous notifications. */
package io.payrail.web.api.channel;
