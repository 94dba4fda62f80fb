namespace KneeGuide.Site.Output;

/// <summary>
/// Comparisons of folder paths as the file system sees them: symbolic links resolved (an output
/// folder that is a link to the input folder is the input folder), and letter case ignored where
/// the file system usually ignores it (Windows, macOS), so a refusal can never be dodged by spelling.
/// </summary>
public static class FolderPaths
{
    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static bool Same(string a, string b) => string.Equals(Trim(a), Trim(b), Comparison);

    /// <summary>True when <paramref name="path"/> is strictly inside <paramref name="folder"/>.</summary>
    public static bool IsInside(string path, string folder)
    {
        var parent = Trim(folder);
        var child = Trim(path);
        var prefix = parent.EndsWith(Path.DirectorySeparatorChar) ? parent : parent + Path.DirectorySeparatorChar;
        return child.Length > prefix.Length && child.StartsWith(prefix, Comparison);
    }

    /// <summary>
    /// The absolute path with every symbolic link along it resolved, as far as the path exists
    /// (the rest is appended as written).
    /// </summary>
    public static string Real(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists)
            {
                info = new FileInfo(next);
            }

            if (!info.Exists && info.LinkTarget is null)
            {
                // Nothing further exists: the rest of the path cannot be a link.
                return Path.Combine([current, .. parts[i..]]);
            }

            try
            {
                current = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                    ? Real(Path.GetFullPath(target.FullName))
                    : next;
            }
            catch (IOException)
            {
                // A link loop: treat the link as the path itself.
                current = next;
            }
        }

        return current;
    }

    private static string Trim(string path) =>
        path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is { Length: > 0 } t ? t : path : path;
}
