/**
 * Payloads that report the processing state of essays and batches.
 *
 * <p>Null policy: as documented per record component.
 */
package com.huleedu.commoncore.events.processing;
