package com.huleedu.commoncore.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class or method that runs against the shared real Kafka broker: registers {@link
 * KafkaBrokerExtension} and adds the JUnit tag {@code kafka}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(KafkaBrokerExtension.class)
@Tag("kafka")
public @interface RealKafka {}
