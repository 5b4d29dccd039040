/**
 * Bean Validation for payloads: the shared Hibernate Validator bootstrap, the validation
 * exception with its violations, and common-core's own constraints.
 *
 * <p>Null policy: non-null unless documented.
 */
package com.huleedu.commoncore.validation;
