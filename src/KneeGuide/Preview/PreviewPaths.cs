using System.Text;

namespace KneeGuide.Cli.Preview;

/// <summary>What a request target resolves to: a file of the served folder, a redirect, or a refusal.</summary>
public sealed record PreviewTarget(int Status, string? File = null, string? Location = null)
{
    public static PreviewTarget Refused { get; } = new(400);

    public static PreviewTarget NotFound { get; } = new(404);
}

/// <summary>
/// Maps a raw request target to a file inside the served folder, refusing anything that could leave it:
/// dot segments (plain or percent-encoded), encoded slashes or backslashes, double encoding (%25), NUL
/// and control characters, drive letters and empty segments. Decoding happens exactly once, and the
/// final full path is checked against the root again, so a missed case still cannot read outside it.
/// </summary>
public static class PreviewPaths
{
    public static PreviewTarget Resolve(string rawTarget, string root)
    {
        var path = rawTarget;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        if (!path.StartsWith('/') || path.Contains('\\') || !TryDecode(path, out var decoded))
        {
            return PreviewTarget.Refused;
        }

        var segments = decoded.Split('/')[1..];
        var trailingSlash = segments.Length > 0 && segments[^1].Length == 0;
        if (trailingSlash)
        {
            segments = segments[..^1];
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Contains(':') || segment.Any(char.IsControl))
            {
                return PreviewTarget.Refused;
            }

            if (segment.StartsWith('.'))
            {
                return PreviewTarget.NotFound;
            }
        }

        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Join([fullRoot, .. segments]));
        if (full != fullRoot && !full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return PreviewTarget.Refused;
        }

        if (Directory.Exists(full))
        {
            if (!trailingSlash && segments.Length > 0)
            {
                // Re-encode from the checked segments: the Location can only ever be a path on this site.
                return new PreviewTarget(301, Location: "/" + string.Join('/', segments.Select(Uri.EscapeDataString)) + "/");
            }

            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) && new FileInfo(full).LinkTarget is null ? new PreviewTarget(200, full) : PreviewTarget.NotFound;
    }

    /// <summary>Percent-decodes once as UTF-8; false for malformed escapes or escapes of '/', '\', '%' or NUL.</summary>
    private static bool TryDecode(string path, out string decoded)
    {
        decoded = path;
        if (!path.Contains('%'))
        {
            return true;
        }

        var bytes = new List<byte>(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            if (i + 2 >= path.Length || !Uri.IsHexDigit(path[i + 1]) || !Uri.IsHexDigit(path[i + 2]))
            {
                return false;
            }

            var b = Convert.ToByte(path.Substring(i + 1, 2), 16);
            if (b is (byte)'/' or (byte)'\\' or (byte)'%' or 0)
            {
                return false;
            }

            bytes.Add(b);
            i += 2;
        }

        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
