using KneeGuide.Site.Cms;
using KneeGuide.Site.Content;

namespace KneeGuide.Cli.Preview;

/// <summary>What a path named by the web editor is: an entry of a collection folder, an image of the media folder, or a settings file.</summary>
public enum ContentUse
{
    Entry,
    Media,
    File,
}

/// <summary>A request the local backend refuses, with the sentence the editor sees (Decap shows it as API_ERROR).</summary>
public sealed class BackendRefusal(string message) : Exception(message);

/// <summary>
/// Decides which files the web editor may read and write through `serve`: exactly the layout the
/// generated config names (<see cref="CmsConfig.Layout"/>), under the input folder and nowhere else.
/// A path is relative to the repository with '/' separators (<c>input/exercises/wall-sits.md</c>);
/// it is refused when it is absolute, has an empty, '.' or '..' segment, a backslash or a NUL, names
/// an editors' junk or hidden file, is not a direct child of a collection folder (<c>.md</c>) or of
/// the images folder (an image), nor one of the settings files, or passes through a symbolic link.
/// </summary>
public sealed class ContentPathGuard
{
    private readonly string _project;
    private readonly string _input;

    public ContentPathGuard(string projectFolder, CmsLayout layout)
    {
        _project = Path.GetFullPath(projectFolder).TrimEnd(Path.DirectorySeparatorChar);
        _input = Path.Combine(_project, layout.InputFolder);
        Layout = layout;
    }

    public CmsLayout Layout { get; }

    /// <summary>The absolute path of a file the editor may use, and what it is; a <see cref="BackendRefusal"/> otherwise.</summary>
    public (string FullPath, ContentUse Use) Resolve(string? path)
    {
        CheckShape(path);
        var slash = path!.LastIndexOf('/');
        var folder = slash < 0 ? "" : path[..slash];
        var name = path[(slash + 1)..];
        ContentUse use;
        if (Layout.Files.Contains(path, StringComparer.Ordinal))
        {
            use = ContentUse.File;
        }
        else if (Layout.Folders.Contains(folder, StringComparer.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal) && name.Length > 3)
        {
            use = ContentUse.Entry;
        }
        else if (folder == Layout.MediaFolder && IsImageName(name))
        {
            use = ContentUse.Media;
        }
        else
        {
            throw new BackendRefusal($"'{path}' is not a content file the web editor may use: it reads and writes only {string.Join(", ", Layout.Folders.Select(f => f + "/*.md"))}, images in {Layout.MediaFolder}/ and {string.Join(", ", Layout.Files)}");
        }

        return (Checked(path), use);
    }

    /// <summary>A collection folder or the media folder, as a listing request names it.</summary>
    public string ResolveFolder(string? folder, bool media)
    {
        CheckShape(folder);
        var allowed = media ? [Layout.MediaFolder] : Layout.Folders;
        if (!allowed.Contains(folder!, StringComparer.Ordinal))
        {
            throw new BackendRefusal($"'{folder}' is not a folder the web editor may list");
        }

        return Checked(folder!);
    }

    public static bool IsImageName(string name) =>
        ContentPaths.ImageExtensions.Contains(Path.GetExtension(name).ToLowerInvariant(), StringComparer.Ordinal) && name.Length > Path.GetExtension(name).Length;

    private static void CheckShape(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0') || path.Contains('\\') || path.Contains(':') || path.StartsWith('/'))
        {
            throw new BackendRefusal($"'{path}' is not a path inside the site's folder");
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or ".." || segment.StartsWith('.') || segment.Trim() != segment || SourceCatalog.IsJunk(segment))
            {
                throw new BackendRefusal($"'{path}' is not a path the web editor may use (it has an empty, '.', '..', hidden or junk part)");
            }
        }
    }

    /// <summary>The full path, after checking it stays in the input folder and that nothing on the way is a symbolic link.</summary>
    private string Checked(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_project, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_input + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != _input)
        {
            throw new BackendRefusal($"'{path}' leads outside the input folder");
        }

        var at = _project;
        foreach (var segment in path.Split('/'))
        {
            at = Path.Combine(at, segment);
            FileSystemInfo entry = Directory.Exists(at) ? new DirectoryInfo(at) : new FileInfo(at);
            if (entry.Exists && entry.LinkTarget is not null)
            {
                throw new BackendRefusal($"'{path}' passes through a symbolic link ({SiteRelative(at)}): the web editor reads and writes only real files in the input folder");
            }
        }

        return full;
    }

    private string SiteRelative(string full) => Path.GetRelativePath(_project, full).Replace('\\', '/');
}
