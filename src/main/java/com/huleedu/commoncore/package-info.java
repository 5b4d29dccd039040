/**
 * Root of common-core: the exception hierarchy shared by every package.
 *
 * <p>Null policy for the whole library: parameters and return values are non-null unless a
 * method's documentation says otherwise; {@link java.util.Optional} appears only as a return
 * type.
 */
package com.huleedu.commoncore;
