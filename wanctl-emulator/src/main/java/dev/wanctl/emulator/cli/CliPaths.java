package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.MenuSpec;
import dev.wanctl.emulator.model.MenuSpecs;

import java.util.Set;

/** The console's menu tree: which words are directories, menus, and which commands each menu has. */
final class CliPaths {

    static final String RESOURCE = "system/resource";
    static final String IDENTITY = "system/identity";

    private static final Set<String> DIRECTORIES = Set.of("", "queue", "ip", "ip/firewall", "system");

    private CliPaths() {}

    static String child(String dir, String word) {
        return dir.isEmpty() ? word : dir + "/" + word;
    }

    static boolean isDirectory(String path) {
        return DIRECTORIES.contains(path);
    }

    /** The menu at {@code path}, or null. */
    static CliAst.Menu menu(String path) {
        MenuSpec spec = MenuSpecs.byPath(path);
        if (spec != null) {
            return new CliAst.Menu(path, spec);
        }
        return path.equals(RESOURCE) || path.equals(IDENTITY) ? new CliAst.Menu(path, null) : null;
    }

    static boolean hasCommand(CliAst.Menu menu, String verb) {
        if (menu.isTable()) {
            return menu.spec().commands().contains(verb);
        }
        return verb.equals("print") || verb.equals("get") || (verb.equals("set") && menu.path().equals(IDENTITY));
    }
}
