namespace KneeGuide.Site.Output;

/// <summary>
/// The mark a build leaves in every folder it makes (the output, its staging folder, a retired
/// output waiting to be deleted): a small file saying who made it. A folder is replaced or deleted
/// only when it carries the mark, so a build can never delete a folder of someone else's files,
/// whatever it is called. The text has no date or version in it: output stays byte-identical.
/// </summary>
public static class OutputMarker
{
    public const string FileName = ".kneeguide-output";

    public const string Text = "This folder was made by KneeGuide (kneeguide build or serve). The next build replaces it as a whole: keep nothing of your own here.\n";

    public static bool IsMarked(string folder)
    {
        var marker = Path.Combine(folder, FileName);
        try
        {
            // A link could make any folder look like ours: only a plain file counts.
            var info = new FileInfo(marker);
            return info.Exists && info.LinkTarget is null && info.Length == Text.Length && File.ReadAllText(marker) == Text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), Text);
}
