using System.Net;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Cms;

/// <summary>/admin/index.html, the page that loads the web editor, and the Content-Security-Policy it runs under.</summary>
public static class AdminPage
{
    /// <summary>
    /// The tightest policy Decap CMS 3 works under (docs/cms-research.md section 3): its config
    /// validator compiles code ('unsafe-eval'), its styles are injected ('unsafe-inline' styles),
    /// thumbnails and uploads are blob: URLs; GitHub's API and avatars for the published editor.
    /// netlify.toml sends the same for /admin/* (a test compares them) and so does `serve`; the
    /// rest of the site keeps its own policy, with no 'unsafe-eval' and no inline anything.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' blob: https://avatars.githubusercontent.com; connect-src 'self' blob: https://api.github.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

    public static string Html(SiteConfig site)
    {
        var title = WebUtility.HtmlEncode($"Edit {site.Title}".Trim());
        var language = WebUtility.HtmlEncode(site.Language.Length > 0 ? site.Language : "en");
        return $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>{title}</title>
            </head>
            <body>
            <noscript><p>The editor needs JavaScript: turn it on for this site, or edit the files in input/ as the editor guide explains.</p></noscript>
            <script src="{CmsBundle.Script}"></script>
            </body>
            </html>

            """;
    }
}
