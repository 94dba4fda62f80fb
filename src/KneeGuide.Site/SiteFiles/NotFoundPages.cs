namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// Which 404 page a missing address gets: Netlify's rule, written once into the built site's
/// <c>_redirects</c> (<c>/es/* /es/404.html 404</c> for each language but the default) and read back
/// from there by the preview server and the browser tests' server, so the three cannot disagree.
/// A path with no rule gets <c>/404.html</c>, as on Netlify.
/// </summary>
public static class NotFoundPages
{
    /// <summary>Netlify's redirects file, at the root of the built site.</summary>
    public const string RedirectsFile = "_redirects";

    /// <summary>The page every address without a rule of its own gets.</summary>
    public const string Default = "/404.html";

    /// <summary>The _redirects line that serves a language's 404 page for any missing address under it.</summary>
    public static string Rule(string code) => $"/{code}/* /{code}/404.html 404";

    /// <summary>
    /// The 404 page (an address, /es/404.html) for a missing <paramref name="path"/> of the site built
    /// in <paramref name="siteRoot"/>: the first 404 rule of its _redirects whose source matches, as
    /// Netlify applies the first rule that matches; <see cref="Default"/> when none does.
    /// </summary>
    public static string For(string siteRoot, string path)
    {
        var file = Path.Combine(siteRoot, RedirectsFile);
        return File.Exists(file) ? For(File.ReadAllLines(file), path) : Default;
    }

    /// <summary>
    /// The file a local server sends, with status 404, for a missing <paramref name="path"/> of the
    /// site in <paramref name="siteRoot"/>: its 404 page, else /404.html, else null (no page at all).
    /// </summary>
    public static string? FileFor(string siteRoot, string path)
    {
        var root = Path.GetFullPath(siteRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var page in new[] { For(siteRoot, path), Default })
        {
            var file = Path.GetFullPath(Path.Combine(root, page.TrimStart('/')));
            if (file.StartsWith(root, StringComparison.Ordinal) && File.Exists(file))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>The same, from the lines of a _redirects file.</summary>
    public static string For(IEnumerable<string> redirects, string path)
    {
        foreach (var line in redirects)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || parts[0].StartsWith('#') || parts[2] != "404")
            {
                continue;
            }

            var from = parts[0];
            var matches = from.EndsWith("/*", StringComparison.Ordinal)
                ? path.StartsWith(from[..^1], StringComparison.Ordinal)
                : path == from;
            if (matches)
            {
                return parts[1];
            }
        }

        return Default;
    }
}
