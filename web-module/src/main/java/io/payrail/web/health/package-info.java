/** MicroProfile Health checks: can this server reach MySQL and the broker right now? */
package io.payrail.web.health;
