package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Catalog of processing events, each with the event name carried in payloads as
 * {@code event_name} and the Kafka topic it is published on.
 *
 * <p>The topics are listed one by one because 28 of them do not follow the pattern
 * {@code huleedu.<event name>.v1}, for example {@link #SPELLCHECK_PHASE_COMPLETED} is published on
 * {@code huleedu.batch.spellcheck.phase.completed.v1}. {@link #ESSAY_AIFEEDBACK_COMPLETED} and
 * {@link #ESSAY_EDITOR_REVISION_COMPLETED} have no topic, as in the Python table, so
 * {@link #topic()} throws for them.
 *
 * <p>The wire value is the event name.
 */
public enum ProcessingEvent implements WireEnum {
    ESSAY_SPELLCHECK_REQUESTED("essay.spellcheck.requested", "huleedu.essay.spellcheck.requested.v1"),
    ESSAY_SPELLCHECK_COMPLETED("essay.spellcheck.completed", "huleedu.essay.spellcheck.completed.v1"),
    SPELLCHECK_PHASE_COMPLETED("spellcheck.phase.completed", "huleedu.batch.spellcheck.phase.completed.v1"),
    SPELLCHECK_RESULTS("spellcheck.results", "huleedu.essay.spellcheck.results.v1"),
    BATCH_NLP_PROCESSING_REQUESTED("batch.nlp.processing.requested", "huleedu.batch.nlp.processing.requested.v1"),
    BATCH_NLP_PROCESSING_REQUESTED_V2("batch.nlp.processing.requested.v2", "huleedu.batch.nlp.processing.requested.v2"),
    BATCH_ESSAYS_REGISTERED("batch.essays.registered", "huleedu.batch.essays.registered.v1"),
    BATCH_PIPELINE_COMPLETED("batch.pipeline.completed", "huleedu.batch.pipeline.completed.v1"),
    BATCH_PHASE_SKIPPED("batch.phase.skipped", "huleedu.batch.phase.skipped.v1"),
    ESSAY_CONTENT_PROVISIONED("essay.content.provisioned", "huleedu.file.essay.content.provisioned.v1"),
    EXCESS_CONTENT_PROVISIONED("excess.content.provisioned", "huleedu.els.excess.content.provisioned.v1"),
    ESSAY_VALIDATION_FAILED("essay.validation.failed", "huleedu.file.essay.validation.failed.v1"),
    BATCH_ESSAYS_READY("batch.essays.ready", "huleedu.els.batch.essays.ready.v1"),
    BATCH_SPELLCHECK_INITIATE_COMMAND("batch.spellcheck.initiate.command", "huleedu.els.spellcheck.initiate.command.v1"),
    BATCH_CJ_ASSESSMENT_INITIATE_COMMAND("batch.cj_assessment.initiate.command", "huleedu.batch.cj_assessment.initiate.command.v1"),
    BATCH_AI_FEEDBACK_INITIATE_COMMAND("batch.ai_feedback.initiate.command", "huleedu.batch.ai_feedback.initiate.command.v1"),
    BATCH_NLP_INITIATE_COMMAND("batch.nlp.initiate.command", "huleedu.batch.nlp.initiate.command.v1"),
    BATCH_NLP_INITIATE_COMMAND_V2("batch.nlp.initiate.command.v2", "huleedu.batch.nlp.initiate.command.v2"),
    BATCH_CONTENT_PROVISIONING_COMPLETED("batch.content.provisioning.completed", "huleedu.batch.content.provisioning.completed.v1"),
    BATCH_STUDENT_MATCHING_INITIATE_COMMAND("batch.student.matching.initiate.command", "huleedu.batch.student.matching.initiate.command.v1"),
    BATCH_STUDENT_MATCHING_REQUESTED("batch.student.matching.requested", "huleedu.batch.student.matching.requested.v1"),
    BATCH_AUTHOR_MATCHES_SUGGESTED("batch.author.matches.suggested", "huleedu.batch.author.matches.suggested.v1"),
    ESSAY_NLP_COMPLETED("essay.nlp.completed", "huleedu.essay.nlp.completed.v1"),
    BATCH_NLP_ANALYSIS_COMPLETED("batch.nlp.analysis.completed", "huleedu.batch.nlp.analysis.completed.v1"),
    ELS_CJ_ASSESSMENT_REQUESTED("els.cj_assessment.requested", "huleedu.els.cj_assessment.requested.v1"),
    CJ_ASSESSMENT_COMPLETED("cj_assessment.completed", "huleedu.cj_assessment.completed.v1"),
    CJ_ASSESSMENT_FAILED("cj_assessment.failed", "huleedu.cj_assessment.failed.v1"),
    ELS_BATCH_PHASE_OUTCOME("els.batch.phase.outcome", "huleedu.els.batch.phase.outcome.v1"),
    ESSAY_STUDENT_ASSOCIATION_UPDATED("essay.student.association.updated", "huleedu.class.essay.association.updated.v1"),
    BATCH_FILE_ADDED("batch.file.added", "huleedu.file.batch.file.added.v1"),
    BATCH_FILE_REMOVED("batch.file.removed", "huleedu.file.batch.file.removed.v1"),
    CLASS_CREATED("class.created", "huleedu.class.created.v1"),
    CLASS_UPDATED("class.updated", "huleedu.class.updated.v1"),
    STUDENT_CREATED("student.created", "huleedu.class.student.created.v1"),
    STUDENT_UPDATED("student.updated", "huleedu.class.student.updated.v1"),
    STUDENT_ASSOCIATIONS_CONFIRMED("student.associations.confirmed", "huleedu.class.student.associations.confirmed.v1"),
    VALIDATION_TIMEOUT_PROCESSED("validation.timeout.processed", "huleedu.class.validation.timeout.processed.v1"),
    TEACHER_NOTIFICATION_REQUESTED("teacher.notification.requested", "huleedu.notification.teacher.requested.v1"),
    ESSAY_SLOT_ASSIGNED("essay.slot.assigned", "huleedu.els.essay.slot.assigned.v1"),
    BATCH_RESULTS_READY("batch.results.ready", "huleedu.ras.batch.results.ready.v1"),
    BATCH_ASSESSMENT_COMPLETED("batch.assessment.completed", "huleedu.ras.batch.assessment.completed.v1"),
    ASSESSMENT_RESULT_PUBLISHED("assessment.result.published", "huleedu.assessment.result.published.v1"),
    RESOURCE_CONSUMPTION_REPORTED("resource.consumption.reported", "huleedu.resource.consumption.v1"),
    LLM_REQUEST_STARTED("llm_provider.request.started", "huleedu.llm_provider.request_started.v1"),
    LLM_REQUEST_COMPLETED("llm_provider.request.completed", "huleedu.llm_provider.request_completed.v1"),
    LLM_PROVIDER_FAILURE("llm_provider.failure", "huleedu.llm_provider.failure.v1"),
    LLM_USAGE_ANALYTICS("llm_provider.usage.analytics", "huleedu.llm_provider.usage_analytics.v1"),
    LLM_COST_ALERT("llm_provider.cost.alert", "huleedu.llm_provider.cost_alert.v1"),
    LLM_COST_TRACKING("llm_provider.cost.tracking", "huleedu.llm_provider.cost_tracking.v1"),
    LLM_COMPARISON_RESULT("llm_provider.comparison_result", "huleedu.llm_provider.comparison_result.v1"),
    BATCH_VALIDATION_ERRORS("batch.validation.errors", "huleedu.els.batch.validation.errors.v1"),
    CLIENT_BATCH_PIPELINE_REQUEST("client.batch.pipeline.request", "huleedu.commands.batch.pipeline.v1"),
    PIPELINE_DENIED("pipeline.denied", "huleedu.pipeline.denied.v1"),
    IDENTITY_USER_REGISTERED("identity.user.registered", "huleedu.identity.user.registered.v1"),
    IDENTITY_EMAIL_VERIFICATION_REQUESTED("identity.email.verification.requested", "huleedu.identity.email.verification.requested.v1"),
    IDENTITY_EMAIL_VERIFIED("identity.email.verified", "huleedu.identity.email.verified.v1"),
    IDENTITY_PASSWORD_RESET_REQUESTED("identity.password.reset.requested", "huleedu.identity.password.reset.requested.v1"),
    IDENTITY_PASSWORD_RESET_COMPLETED("identity.password.reset.completed", "huleedu.identity.password.reset.completed.v1"),
    IDENTITY_LOGIN_SUCCEEDED("identity.login.succeeded", "huleedu.identity.login.succeeded.v1"),
    IDENTITY_LOGIN_FAILED("identity.login.failed", "huleedu.identity.login.failed.v1"),
    EMAIL_NOTIFICATION_REQUESTED("email.notification.requested", "huleedu.email.notification.requested.v1"),
    EMAIL_SENT("email.sent", "huleedu.email.sent.v1"),
    EMAIL_DELIVERY_FAILED("email.delivery_failed", "huleedu.email.delivery_failed.v1"),
    ENTITLEMENTS_SUBSCRIPTION_ACTIVATED("entitlements.subscription.activated", "huleedu.entitlements.subscription.activated.v1"),
    ENTITLEMENTS_SUBSCRIPTION_CHANGED("entitlements.subscription.changed", "huleedu.entitlements.subscription.changed.v1"),
    ENTITLEMENTS_SUBSCRIPTION_CANCELED("entitlements.subscription.canceled", "huleedu.entitlements.subscription.canceled.v1"),
    ENTITLEMENTS_USAGE_AUTHORIZED("entitlements.usage.authorized", "huleedu.entitlements.usage.authorized.v1"),
    ENTITLEMENTS_USAGE_RECORDED("entitlements.usage.recorded", "huleedu.entitlements.usage.recorded.v1"),
    ENTITLEMENTS_CREDIT_BALANCE_CHANGED("entitlements.credit.balance.changed", "huleedu.entitlements.credit.balance.changed.v1"),
    ENTITLEMENTS_RATE_LIMIT_EXCEEDED("entitlements.rate_limit.exceeded", "huleedu.entitlements.rate_limit.exceeded.v1"),
    ENTITLEMENTS_RESOURCE_ACCESS_GRANTED("entitlements.resource.access.granted", "huleedu.entitlements.resource.access.granted.v1"),
    ESSAY_AIFEEDBACK_COMPLETED("essay.aifeedback.completed", null),
    ESSAY_EDITOR_REVISION_COMPLETED("essay.editor_revision.completed", null);

    private static final Map<String, ProcessingEvent> BY_TOPIC = indexByTopic();

    private final String eventName;
    private final String topic;

    ProcessingEvent(String eventName, String topic) {
        this.eventName = eventName;
        this.topic = topic;
    }

    private static Map<String, ProcessingEvent> indexByTopic() {
        Map<String, ProcessingEvent> byTopic = new HashMap<>();
        for (ProcessingEvent event : values()) {
            if (event.topic == null) {
                continue;
            }
            ProcessingEvent previous = byTopic.put(event.topic, event);
            if (previous != null) {
                throw new IllegalStateException("topic " + event.topic + " is mapped to both "
                        + previous.name() + " and " + event.name());
            }
        }
        return Map.copyOf(byTopic);
    }

    /**
     * Returns the event name carried in payloads as {@code event_name}, for example
     * {@code essay.spellcheck.requested}.
     *
     * @return the event name, never {@code null}
     */
    public String eventName() {
        return eventName;
    }

    /**
     * Returns the event name, which is the string written to and read from JSON for this constant.
     *
     * @return the event name, never {@code null}
     */
    @JsonValue
    @Override
    public String wireValue() {
        return eventName;
    }

    /**
     * Returns the Kafka topic this event is published on.
     *
     * @return the topic name, never {@code null}
     * @throws CommonCoreException with {@link FailureReason#NO_TOPIC} if the catalog defines no
     *     topic for this event, see {@link #hasTopic()}
     */
    public String topic() {
        if (topic == null) {
            throw new CommonCoreException(FailureReason.NO_TOPIC, "no topic is defined for processing event "
                    + eventName + " (" + name() + "). Call hasTopic() or findTopic() before topic().");
        }
        return topic;
    }

    /**
     * Returns the Kafka topic this event is published on, if the catalog defines one.
     *
     * @return the topic name, or an empty {@code Optional} for an event without a topic
     */
    public Optional<String> findTopic() {
        return Optional.ofNullable(topic);
    }

    /**
     * Tells whether the catalog defines a topic for this event.
     *
     * @return {@code true} if {@link #topic()} returns a topic instead of throwing
     */
    public boolean hasTopic() {
        return topic != null;
    }

    /**
     * Looks up the event published on a Kafka topic.
     *
     * @param topic the exact topic name, case-sensitive
     * @return the event, or an empty {@code Optional} if no event is published on {@code topic}
     */
    public static Optional<ProcessingEvent> fromTopic(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(Objects.requireNonNull(topic, "topic")));
    }

    /**
     * Looks up the constant whose event name is {@code value}. Jackson calls this when it reads JSON.
     *
     * @param value the event name, case-sensitive
     * @return the matching constant
     * @throws UnknownWireValueException if no constant has that event name, or {@code value} is {@code null}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProcessingEvent fromWireValue(String value) {
        return WireEnums.fromWireValue(ProcessingEvent.class, value);
    }
}
