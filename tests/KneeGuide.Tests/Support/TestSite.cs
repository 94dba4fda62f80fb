using System.Text;
using KneeGuide.Core;
using KneeGuide.Site;

namespace KneeGuide.Tests.Support;

/// <summary>
/// A small, valid site in a temporary folder: site.yml, credits, a home page, an article, a mobility
/// page, an exercise and a credited image, with a copy of the repository's theme. Tests overwrite or
/// delete files to make the case they need, build it, and assert on the diagnostics and the output.
/// The folder is deleted on dispose.
/// </summary>
public sealed class TestSite : IDisposable
{
    /// <summary>
    /// site.yml's <c>languages:</c> for a site in English and Spanish, with the site words every
    /// language but the first must have (description, disclaimer, pain rule, navigation).
    /// </summary>
    public const string EnglishAndSpanish = """
        languages:
          - code: en
            name: English
          - code: es
            name: Español
            description: Un sitio pequeño hecho por las pruebas.
            disclaimer: Esta guía es información general, no un diagnóstico.
            pain_rule_text: Un poco de dolor está bien si no pasa de 3 sobre 10.
            nav:
              - title: Ejercicios
                url: /es/exercises/
            targets:
              calves: gemelos
            equipment:
              step: escalón

        """;

    /// <summary>The minimal site's article (tests that edit it start from this text).</summary>
    public const string SampleArticle = """
        ---
        title: Sample article
        description: An article for the tests.
        date: 2026-01-15
        tags: [knees]
        exercises: [heel-raises]
        mobility: [mobility-basics]
        ---

        ## First part

        Some text with a [link to the exercise](../exercises/heel-raises.md).

        ## Second part

        Back to [the first part](#first-part).
        """;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public TestSite(bool withDefaults = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "kneeguide-tests", Guid.NewGuid().ToString("N")[..12]);
        InputDir = Path.Combine(Root, "input");
        ThemeDir = Path.Combine(Root, "theme");
        OutputDir = Path.Combine(Root, "output");
        Directory.CreateDirectory(InputDir);
        CopyDirectory(Path.Combine(RepositoryRoot, "theme"), ThemeDir);
        if (withDefaults)
        {
            WriteDefaults();
        }
    }

    public string Root { get; }

    public string InputDir { get; }

    public string ThemeDir { get; }

    public string OutputDir { get; }

    /// <summary>The repository root: the first folder upwards from the test binaries that holds KneeGuide.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>How the build names a file of this site's input folder in its diagnostics.</summary>
    public string Display(string inputRelativePath) => $"{SiteBuilder.DisplayPath(InputDir)}/{inputRelativePath}";

    /// <summary>How the build names a file of this site's theme folder in its diagnostics.</summary>
    public string DisplayTheme(string themeRelativePath) => $"{SiteBuilder.DisplayPath(ThemeDir)}/{themeRelativePath}";

    public TestSite Write(string inputRelativePath, string text) =>
        WriteBytes(inputRelativePath, Utf8NoBom.GetBytes(text));

    public TestSite WriteBytes(string inputRelativePath, byte[] bytes)
    {
        var path = Path.Combine(InputDir, inputRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public TestSite WriteTheme(string themeRelativePath, string text)
    {
        var path = Path.Combine(ThemeDir, themeRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8NoBom);
        return this;
    }

    /// <summary>Copies the repository's own input/ (the clinic's content) into this site, with a stand-in for its web editor's bundle.</summary>
    public TestSite CopyRepositoryInput()
    {
        CopyDirectory(Path.Combine(RepositoryRoot, "input"), InputDir);
        InstallCmsBundleStandIn(Root);
        return this;
    }

    /// <summary>
    /// A few bytes where npm ci puts the web editor's bundle (node_modules/decap-cms/dist beside the
    /// input folder), so that a copy of the clinic's site (site.yml has cms:) builds with no warning;
    /// the browser test of the editor uses the real bundle.
    /// </summary>
    public static void InstallCmsBundleStandIn(string projectFolder)
    {
        var dist = Path.Combine(projectFolder, KneeGuide.Site.Cms.CmsBundle.Folder);
        Directory.CreateDirectory(dist);
        File.WriteAllText(Path.Combine(dist, KneeGuide.Site.Cms.CmsBundle.Script), "/*! For license information please see decap-cms.js.LICENSE.txt */ window.CMS = {};");
        File.WriteAllText(Path.Combine(dist, KneeGuide.Site.Cms.CmsBundle.Licenses), "MIT");
        File.WriteAllText(Path.Combine(dist, "123.decap-cms.js"), "chunk");
    }

    public TestSite Delete(string inputRelativePath)
    {
        File.Delete(Path.Combine(InputDir, inputRelativePath));
        return this;
    }

    /// <summary>
    /// The site folder's entries an editor sees: KneeGuide's own hidden folders beside them (its
    /// cache in .kneeguide/ and the marked staging folder it keeps for the next build) are left out,
    /// after checking that each one is KneeGuide's.
    /// </summary>
    public IReadOnlyList<string> VisibleEntries()
    {
        var entries = Directory.EnumerateFileSystemEntries(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var hidden in entries.Where(e => e.StartsWith('.')))
        {
            Assert.True(hidden == ".kneeguide" || KneeGuide.Site.Output.OutputMarker.IsMarked(Path.Combine(Root, hidden)), $"{hidden} is not KneeGuide's");
        }

        return entries.Where(e => !e.StartsWith('.')).ToList();
    }

    public string ReadInput(string inputRelativePath) => File.ReadAllText(Path.Combine(InputDir, inputRelativePath));

    public string ReadOutput(string outputRelativePath) => File.ReadAllText(Path.Combine(OutputDir, outputRelativePath));

    public bool OutputExists(string outputRelativePath) => File.Exists(Path.Combine(OutputDir, outputRelativePath));

    public async Task<BuildResult> BuildAsync(bool strict = false, TimeSpan? timeout = null)
    {
        var options = new BuildOptions(InputDir, OutputDir, ThemeDir) { Strict = strict };
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await SiteBuilder.BuildAsync(options, cancellationToken: cancel.Token);
    }

    /// <summary>Builds and returns the errors and warnings as "code file:line:col" lines, for exact comparisons.</summary>
    public async Task<IReadOnlyList<string>> DiagnosticLinesAsync()
    {
        var result = await BuildAsync();
        return result.Diagnostics.Select(Describe).ToList();
    }

    public static string Describe(Diagnostic d) => $"{d.Code} {d.File}:{d.Line}:{d.Column}";

    /// <summary>"KG2001 articles/x.md:7:5", or "KG2001 theme:layouts/x.liquid:2:15" for theme files: short and the same on every machine.</summary>
    public string DescribeRelative(Diagnostic d)
    {
        var input = SiteBuilder.DisplayPath(InputDir) + "/";
        var theme = SiteBuilder.DisplayPath(ThemeDir) + "/";
        var file = d.File ?? "";
        file = file.StartsWith(input, StringComparison.Ordinal) ? file[input.Length..]
            : file.StartsWith(theme, StringComparison.Ordinal) ? "theme:" + file[theme.Length..]
            : file;
        return $"{d.Code} {file}:{d.Line}:{d.Column}";
    }

    /// <summary>A valid site: every page links only to pages that exist, the image is credited.</summary>
    private void WriteDefaults()
    {
        Write("site.yml", """
            title: Test Guide
            base_url: https://test.example.org/
            description: A small site built by the tests.
            nav:
              - title: Exercises
                url: /exercises/
            """);
        Write("images/credits.yml", """
            knee.svg:
              title: A knee
              author: Test author
              license: CC BY 4.0
            """);
        Write("images/knee.svg", """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""");
        Write("index.md", """
            ---
            title: Home
            description: The home page.
            ---

            Read [the article](articles/sample.md).
            """);
        Write("articles/sample.md", SampleArticle);
        Write("mobility/mobility-basics.md", """
            ---
            title: Mobility basics
            description: Mobility for the tests.
            date: 2026-01-10
            ---

            ## Hips

            Move your hips.
            """);
        Write("exercises/heel-raises.md", """
            ---
            title: Heel raises
            summary: Strengthens the calves.
            targets: [calves]
            dosage:
              sets: 3
              reps: "10-15"
              side: each
            steps:
              - "Stand tall."
              - "Rise onto your toes."
            image: knee.svg
            ---

            Notes about heel raises.
            """);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; never fail a test on clean-up.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
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
