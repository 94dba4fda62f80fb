using System.Diagnostics;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// Builds the preview: a full build the first time and whenever an edit may change more than one
/// page; otherwise (<see cref="BodyEdit"/>) only the saved page is rebuilt from the state the last
/// build left in memory, and only its file is written. Not thread-safe: the preview runs one
/// rebuild at a time.
/// </summary>
public sealed class PreviewBuilder(BuildOptions options)
{
    private LiveSite? _live;

    /// <summary>Why the last rebuild was a full one (null when it was incremental or the first).</summary>
    public string? FullBuildReason { get; private set; }

    /// <param name="changed">The files saved since the last rebuild (absolute paths); null for "anything may have changed".</param>
    public async Task<BuildResult> BuildAsync(IReadOnlyList<string>? changed, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        FullBuildReason = _live is null ? null : "several files changed";
        if (_live is not null && changed is not null && EditedFile(_live, changed) is { } file)
        {
            var edit = new BodyEdit(_live);
            try
            {
                if (await edit.TryApplyAsync(file) is { } result)
                {
                    var written = result.Failed ? 0 : Publish(_live);
                    return new BuildResult(result.Diagnostics, !result.Failed, watch.Elapsed, _live.Summary(), new Dictionary<string, TimeSpan> { ["Incremental"] = watch.Elapsed }, written)
                    {
                        IncrementalPage = result.Source,
                    };
                }

                FullBuildReason = edit.Declined;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The state may be half updated: forget it and build everything.
                FullBuildReason = $"the incremental rebuild failed ({e.GetType().Name}: {e.Message})";
            }
        }

        _live = null;
        var full = await SiteBuilder.BuildAsync(options with { KeepState = true }, cancellationToken: cancellationToken);
        _live = full.State is { } state ? LiveSite.From(state) : null;
        return full;
    }

    /// <summary>Writes the files changed since the last publish (more than one page when earlier saves had errors).</summary>
    private int Publish(LiveSite live)
    {
        var count = 0;
        foreach (var (destination, text) in live.Unpublished.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            if (text is null)
            {
                PreviewFileWriter.Delete(options.Output, destination);
            }
            else
            {
                PreviewFileWriter.Write(options.Output, destination, text);
            }

            live.Unpublished.Remove(destination);
            count++;
        }

        return count;
    }

    /// <summary>
    /// The one input file a burst of changes is about, or null. Hidden files, and paths that no longer
    /// exist and were never part of the site (an editor's temporary files), are ignored; anything else (theme files,
    /// several files, folders, a watcher overflow) means a full build.
    /// </summary>
    private static string? EditedFile(LiveSite live, IReadOnlyList<string> changed)
    {
        var catalog = live.State.Inputs.Catalog;
        var relevant = new List<string>();
        foreach (var path in changed)
        {
            if (!Path.IsPathRooted(path))
            {
                return null;
            }

            var relative = Path.GetRelativePath(catalog.InputRoot, path).Replace('\\', '/');
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return null;
            }

            // The site never reads hidden files and folders (an editor's .swp, .git): they change nothing.
            if (relative.Split('/').Any(segment => segment.StartsWith('.')))
            {
                continue;
            }

            var transient = !File.Exists(path) && !Directory.Exists(path) && !catalog.Contains(relative)
                && !catalog.Files.Any(f => f.StartsWith(relative + "/", StringComparison.Ordinal));
            if (!transient)
            {
                relevant.Add(path);
            }
        }

        return relevant.Count == 1 && File.Exists(relevant[0]) ? relevant[0] : null;
    }
}
