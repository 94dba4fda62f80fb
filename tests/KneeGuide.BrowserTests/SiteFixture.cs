using KneeGuide.Site;
using Microsoft.Playwright;

namespace KneeGuide.BrowserTests;

/// <summary>
/// Once for all browser tests: builds the repository's site (input/ and theme/) into a temporary
/// folder, serves it on loopback with netlify.toml's headers, and starts Debian's chromium through
/// Playwright (Playwright's own browser download cannot work here). A missing chromium fails every
/// test with a message saying how to install it: these tests never pass by skipping.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium by default; KNEEGUIDE_CHROMIUM names another Chromium-based browser (GitHub's runners ship Chrome).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("KNEEGUIDE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string _output = Path.Combine(Path.GetTempPath(), "kneeguide-browser-tests", Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright? _playwright;

    public StaticSiteServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}; install it with `apt-get install -y chromium` (.ci/run does this), or set KNEEGUIDE_CHROMIUM to a Chromium or Chrome binary.");
        }

        var root = RepositoryRoot;
        var result = await SiteBuilder.BuildAsync(new BuildOptions(PrepareInput(root), _output, Path.Combine(root, "theme")));
        if (!result.Published)
        {
            throw new InvalidOperationException("The site did not build: " + string.Join("\n", result.Diagnostics));
        }

        Server = new StaticSiteServer(_output, StaticSiteServer.NetlifyHeaders(Path.Combine(root, "netlify.toml")));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>The input folder to build: the repository's own (a fixture for other content copies and changes it).</summary>
    protected virtual string PrepareInput(string repositoryRoot) => Path.Combine(repositoryRoot, "input");

    /// <summary>A new page at the given viewport that records console errors, page errors and failed requests.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light, bool javaScript = true, float deviceScaleFactor = 1)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
            BaseURL = Server.BaseUrl,
            DeviceScaleFactor = deviceScaleFactor,
        });
        context.SetDefaultTimeout(10_000); // fail fast: the site is local and small
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (errors)
                {
                    errors.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add("page error: " + error);
            }
        };
        page.Response += (_, response) =>
        {
            // The 404 page itself is requested on purpose by one test; every other 4xx/5xx is a broken reference.
            if (response.Status >= 400 && !response.Url.Contains("/no-such-page/", StringComparison.Ordinal))
            {
                lock (errors)
                {
                    errors.Add($"HTTP {response.Status}: {response.Url}");
                }
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (errors)
            {
                errors.Add($"request failed: {request.Url} {request.Failure}");
            }
        };
        return (page, errors);
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Server?.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KneeGuide.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KneeGuide.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Built site in chromium";
}
