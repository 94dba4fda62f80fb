using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site;

namespace KneeGuide.Cli.Preview;

/// <summary>
/// The site being previewed: runs one build at a time into the private preview folder and remembers the
/// last result. Every rebuild is an ordinary build through the same engine as `build`, with the build
/// cache kept in memory between rebuilds, so whatever an edit changed (a page's text, its front
/// matter, a new or deleted file, the theme, site.yml) is rebuilt exactly as a full build would, and
/// only what it affects. A failed build leaves the last good site in place (the build publishes
/// atomically), so the server keeps serving it while the browser shows the errors.
/// </summary>
public sealed class PreviewSite(BuildOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BuildCache? _cache;

    public BuildOptions Options { get; } = options;

    public string Root => Path.GetFullPath(Options.Output);

    public BuildResult? Last { get; private set; }

    /// <summary>Increases with every build, so a browser can tell a new build from an old one.</summary>
    public int Version { get; private set; }

    public event Action<BuildResult>? Built;

    public Task<BuildResult> RebuildAsync(CancellationToken cancellationToken) => RebuildAsync(null, cancellationToken);

    /// <param name="changed">The files saved since the last rebuild (for the console only: the build finds what changed itself).</param>
    public async Task<BuildResult> RebuildAsync(IReadOnlyList<string>? changed, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            BuildResult result;
            try
            {
                // Kept for the whole session, with each page's documents: an unchanged page costs a
                // look-up, not a decode.
                _cache ??= SiteBuilder.OpenCache(Options, keepDocuments: true);
                result = await SiteBuilder.BuildAsync(Options, cancellationToken: cancellationToken, cache: _cache, saveCache: false);
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

    /// <summary>Writes the cache to disk (when the preview stops), so the next preview starts warm.</summary>
    public void SaveCache()
    {
        if (_cache is not null)
        {
            SiteBuilder.SaveQuietly(_cache);
        }
    }

    /// <summary>Waits until no build is running (a request that missed a file during the swap retries after it).</summary>
    public async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        _gate.Release();
    }
}
