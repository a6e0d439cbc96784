package dev.wanctl.core.config;

/**
 * The queue tree items one autorate daemon shapes.
 *
 * @param downloadType queue type to assert at start, or null to leave the type alone
 * @param uploadType queue type to assert at start, or null
 */
public record QueueConfig(String download, String upload, String downloadType, String uploadType) {}
