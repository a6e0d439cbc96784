package dev.wanctl.core.control;

/**
 * A law's own parameters, carried by {@link ControllerParams} without it knowing their shape: each
 * law has its record and says which law it belongs to.
 */
public interface LawParams {

    /** The law these parameters are for. */
    LawType type();
}
