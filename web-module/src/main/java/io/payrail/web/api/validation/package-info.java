/** Bean Validation constraints for request bodies. */
package io.payrail.web.api.validation;
