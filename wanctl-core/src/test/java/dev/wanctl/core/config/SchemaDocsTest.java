package dev.wanctl.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every key of the schemas has its doc text; docs/CONFIGURATION.md is generated from them (checked
 * by wanctl-routeros' ConfigurationDocsTest, which sees the registered router backends).
 */
class SchemaDocsTest {

    @Test
    void everyKeyIsDescribed() {
        for (Schema s : new Schema[] {AutorateSchema.SCHEMA, SteeringSchema.SCHEMA}) {
            assertThat(s.keys()).allSatisfy(k -> assertThat(k.description()).as(k.path()).isNotBlank());
        }
    }
}
