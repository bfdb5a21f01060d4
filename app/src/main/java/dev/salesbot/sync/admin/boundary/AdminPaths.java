package dev.salesbot.sync.admin.boundary;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** Which requests belong to the admin area, read from the container's decoded, normalised path. */
final class AdminPaths {

    static final String ROOT = "/admin";
    static final String LOGIN = "/admin/login";
    static final String API = "/admin/api";

    private AdminPaths() {
    }

    /** The path inside the application: servlet path plus path info, as the container mapped it. */
    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    /**
     * Under {@code /admin}, in any letter case (a container or proxy that matched paths without
     * regard to case must not find an open door).
     */
    static boolean admin(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        while (p.startsWith("//")) {
            p = p.substring(1);
        }
        return p.equals(ROOT) || p.startsWith(ROOT + "/");
    }

    static boolean api(String path) {
        return path.equals(API) || path.startsWith(API + "/");
    }

    static boolean safe(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** {@code Content-Type: application/json} (parameters such as charset allowed). */
    static boolean json(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().equalsIgnoreCase("application/json");
    }
}
