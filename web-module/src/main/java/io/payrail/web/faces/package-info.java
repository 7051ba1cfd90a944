/** What the Faces areas (back office, payer pages) share: their texts in the viewer's language. */
package io.payrail.web.faces;
