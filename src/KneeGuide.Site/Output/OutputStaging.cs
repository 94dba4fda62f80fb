namespace KneeGuide.Site.Output;

/// <summary>
/// Atomic publishing: the build writes into a fresh folder beside the output folder and swaps it in
/// only when the build has no errors, so a failed or interrupted build leaves the previous site as it
/// was. A leftover staging folder from a killed build is removed by the next one.
/// </summary>
public sealed class OutputStaging
{
    public OutputStaging(string outputRoot)
    {
        OutputRoot = Path.GetFullPath(outputRoot.TrimEnd('/', '\\'));
        var parent = Path.GetDirectoryName(OutputRoot)!;
        var name = Path.GetFileName(OutputRoot);
        StagingRoot = Path.Combine(parent, $".{name}.staging");
        BackupRoot = Path.Combine(parent, $".{name}.previous");
    }

    public string OutputRoot { get; }

    public string StagingRoot { get; }

    public string BackupRoot { get; }

    public void Prepare()
    {
        DeleteIfExists(StagingRoot);
        Directory.CreateDirectory(StagingRoot);
    }

    /// <summary>Writes one file into the staging folder; the path must stay inside it.</summary>
    public string PathFor(string destination)
    {
        var full = Path.GetFullPath(Path.Combine(StagingRoot, destination));
        if (!full.StartsWith(StagingRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing to write '{destination}' outside the output folder.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    public void Commit()
    {
        DeleteIfExists(BackupRoot);
        if (Directory.Exists(OutputRoot))
        {
            Directory.Move(OutputRoot, BackupRoot);
        }

        Directory.Move(StagingRoot, OutputRoot);
        DeleteIfExists(BackupRoot);
    }

    public void Discard() => DeleteIfExists(StagingRoot);

    private static void DeleteIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
