/**
 * Payloads of the spellcheck flow: the request, the per-essay result and the batch phase
 * completion.
 *
 * <p>Null policy: record components are non-null after construction unless documented;
 * decoded payloads may hold {@code null} where the JSON had none, which validation reports.
 */
package com.huleedu.commoncore.events.spellcheck;
