using System.Text;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// Writes one re-rendered file into the preview folder, replacing the old file in one step (write
/// beside it, then rename), so the preview server never reads a half-written page; or deletes one.
/// </summary>
public static class PreviewFileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string outputRoot, string destination, string text)
    {
        var full = Inside(outputRoot, destination);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".kg-partial";
        File.WriteAllText(temporary, text, Utf8NoBom);
        File.Move(temporary, full, overwrite: true);
    }

    public static void Delete(string outputRoot, string destination) => File.Delete(Inside(outputRoot, destination));

    private static string Inside(string outputRoot, string destination)
    {
        var root = Path.GetFullPath(outputRoot.TrimEnd('/', '\\'));
        var full = Path.GetFullPath(Path.Combine(root, destination));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing to write '{destination}' outside the preview folder.");
        }

        return full;
    }
}
