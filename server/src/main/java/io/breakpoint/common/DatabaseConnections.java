package io.breakpoint.common;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL the driver sends a batch of inserts as multi-row inserts ({@code reWriteBatchedInserts}): intake
 * writes its tickets, entries, tier clocks and audit records as one batch each per group, and one statement of many
 * rows costs the database a fraction of as many one-row statements. Set on the pool before it opens, and only for
 * PostgreSQL: H2 refuses settings it does not know.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConnections {

    @Bean
    static BeanPostProcessor postgresBatchInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }
}
