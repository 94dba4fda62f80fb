using KneeGuide.Core;
using KneeGuide.Site;
using KneeGuide.Site.Incremental;

namespace KneeGuide.Cli.Preview;

/// <summary>
/// The site being previewed: runs one build at a time into the private preview folder and remembers the
/// last result. A failed build leaves the last good site in place (the build publishes atomically), so
/// the server keeps serving it while the browser shows the errors. Rebuilds are incremental where an
/// edit allows it (<see cref="PreviewBuilder"/>).
/// </summary>
public sealed class PreviewSite(BuildOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PreviewBuilder _builder = new(options);

    public BuildOptions Options { get; } = options;

    public string Root => Path.GetFullPath(Options.Output);

    public BuildResult? Last { get; private set; }

    /// <summary>Increases with every build, so a browser can tell a new build from an old one.</summary>
    public int Version { get; private set; }

    /// <summary>Why the last rebuild rebuilt everything (null when it was incremental or the first build).</summary>
    public string? FullBuildReason => _builder.FullBuildReason;

    public event Action<BuildResult>? Built;

    public Task<BuildResult> RebuildAsync(CancellationToken cancellationToken) => RebuildAsync(null, cancellationToken);

    /// <summary>
    /// Rebuilds after <paramref name="changed"/> files were saved: only the saved page when the edit
    /// cannot change any other page (see <see cref="BodyEdit"/>), the whole site otherwise.
    /// </summary>
    public async Task<BuildResult> RebuildAsync(IReadOnlyList<string>? changed, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            BuildResult result;
            try
            {
                result = await _builder.BuildAsync(changed, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file still being saved by the editor: report it like a content problem and retry on the next change.
                var diagnostic = new Diagnostic("KG1003", Severity.Error, SiteBuilder.DisplayPath(Options.Input), 0, 0, $"could not read the input: {e.Message}");
                result = new BuildResult([diagnostic], false, TimeSpan.Zero, null, new Dictionary<string, TimeSpan>(), 0);
            }

            Last = result;
            Version++;
            Built?.Invoke(result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits until no build is running (a request that missed a file during the swap retries after it).</summary>
    public async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        _gate.Release();
    }
}
