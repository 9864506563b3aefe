package io.tlsready.app.rest.pages;

/**
 * What every page's layout needs: the title, which navigation link is the current page, who is signed in (null
 * on the sign-in and error pages) with the CSRF token of the page's forms, and the assets' version for their URLs.
 *
 * @param refresh seconds after which a browser without JavaScript reloads the page (a running scan); 0 for never
 */
public record Frame(String title, String nav, String user, boolean operator, String csrf, String assets,
        int refresh) {

    /** The signed-in user's name, e.g. "initial (operator)". */
    public String who() {
        return user + (operator ? " (operator)" : " (reader)");
    }

    public boolean signedIn() {
        return user != null;
    }

    public String css() {
        return "/assets/tlsready.css?v=" + assets;
    }

    public String icon() {
        return "/assets/favicon.svg?v=" + assets;
    }

    public String js() {
        return "/assets/pages.js?v=" + assets;
    }
}
