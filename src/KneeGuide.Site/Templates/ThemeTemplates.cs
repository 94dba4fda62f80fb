using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Templates;

/// <summary>
/// The theme's Liquid templates, read and parsed once per build. Every value a template prints with
/// <c>{{ }}</c> is HTML-encoded unless the template asks for <c>| raw</c>, so front matter can never
/// inject markup.
/// </summary>
public sealed partial class ThemeTemplates
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });

    private readonly Dictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;

    private ThemeTemplates(string root, string displayRoot, IReadOnlyDictionary<string, string> sources)
    {
        Root = root;
        DisplayRoot = displayRoot;
        Sources = sources;
        _options = new TemplateOptions
        {
            FileProvider = new ThemeFileProvider(sources),
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        };
        TemplateFilters.Register(_options);
    }

    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public string Root { get; }

    public string DisplayRoot { get; }

    /// <summary>Theme text files by path relative to the theme folder (templates and assets).</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>The hash of every template: what the build cache's "theme" fact is (a template edit re-renders every page).</summary>
    public UInt128 Hash => _hash ??= Sources.Aggregate(new Core.Caching.ContentHash.Builder(), (h, s) => h.Add(s.Key).Add(s.Value)).Finish();

    private UInt128? _hash;

    public string Display(string relative) => $"{DisplayRoot}/{relative}";

    public static ThemeTemplates Load(string themeRoot, string displayRoot, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(themeRoot);
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                sources[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file).Replace("\r\n", "\n");
            }

            // The theme's words (theme/strings/<language>.yml): part of the theme's hash like the templates.
            var strings = Path.Combine(root, "strings");
            if (Directory.Exists(strings))
            {
                foreach (var file in Directory.EnumerateFiles(strings, "*.yml").Where(f => new FileInfo(f).LinkTarget is null).Order(StringComparer.Ordinal))
                {
                    sources["strings/" + Path.GetFileName(file)] = File.ReadAllText(file).Replace("\r\n", "\n");
                }
            }
        }
        else
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingTemplate, SourceLocation.InFile(displayRoot), $"the theme folder '{displayRoot}' does not exist"));
        }

        var theme = new ThemeTemplates(root, displayRoot.TrimEnd('/', '\\').Replace('\\', '/'), sources);
        theme._strings = ThemeStrings.ParseAll(sources, theme.Display, diagnostics);
        foreach (var (path, text) in sources.Where(s => s.Key.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            if (Parser.TryParse(text, out var template, out var error))
            {
                theme._templates[path] = template;
            }
            else
            {
                var (line, column) = ErrorPosition(error);
                diagnostics.Add(Diagnostic.Error(ErrorCodes.TemplateError, new SourceLocation(theme.Display(path), line, column), $"Liquid syntax error: {ErrorPosition().Replace(error, "").Trim()}"));
            }
        }

        return theme;
    }

    private IReadOnlyDictionary<string, SortedDictionary<string, object>> _strings = new Dictionary<string, SortedDictionary<string, object>>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ThemeStrings> _stringsByLanguage = new(StringComparer.Ordinal);

    /// <summary>The theme's words in a language (English beneath): templates see them as <c>strings</c>.</summary>
    public ThemeStrings Strings(string language) => _stringsByLanguage.GetOrAdd(language, l => ThemeStrings.For(_strings, l));

    public bool Has(string path) => _templates.ContainsKey(path);

    /// <summary>
    /// Each declared language's strings file (other than English's) has every key en.yml has: a page
    /// in that language would otherwise show English words in the middle of its own. A declared
    /// language with no strings file at all is the same mistake, reported at the language in site.yml.
    /// </summary>
    public void CheckStrings(IReadOnlyList<Content.SiteLanguage> languages, DiagnosticBag diagnostics)
    {
        if (!_strings.TryGetValue(ThemeStrings.Fallback, out var english))
        {
            return;
        }

        foreach (var language in languages.Where(l => l.Code.Value != ThemeStrings.Fallback).DistinctBy(l => l.Code.Value))
        {
            var code = language.Code.Value;
            // Only a language of languages: (a site with one language, language:, keeps the theme's
            // English words where it has none of its own, as before there were translations).
            if (!_strings.ContainsKey(code) && language.Code.Location.File is { Length: > 0 })
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingThemeString, language.Code.Location, $"the theme has no words in '{code}' ({language.Name}): its pages would show the theme's English ones; add strings/{code}.yml to the theme with every key of strings/en.yml in that language"));
            }
            else if (_strings.TryGetValue(code, out var translated))
            {
                foreach (var (key, text) in ThemeStrings.Missing(english, translated, ""))
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingThemeString, new SourceLocation(Display($"strings/{code}.yml"), 1, 1), $"the theme's words in '{code}' have no '{key}' (English: \"{text}\"): add it to strings/{code}.yml in that language"));
                }
            }
        }
    }

    /// <summary>Renders a template with the given top-level values; errors become diagnostics.</summary>
    public string Render(string path, IReadOnlyDictionary<string, object?> values, DiagnosticBag diagnostics)
    {
        // Rendered in a pooled buffer (Fluid closes the writer, not the buffer), so only the
        // finished string is allocated, not every step of a growing one.
        using var lease = TextBuffers.Rent();
        return RenderTo(new StringWriter(lease.Builder), path, values, diagnostics) ? lease.Builder.ToString() : string.Empty;
    }

    /// <summary>
    /// Renders a template into a writer (a page's reused buffer, so the whole page is never copied
    /// into a string of its own); false, with nothing usable written, when it failed.
    /// </summary>
    public bool RenderTo(TextWriter writer, string path, IReadOnlyDictionary<string, object?> values, DiagnosticBag diagnostics)
    {
        if (!_templates.TryGetValue(path, out var template))
        {
            if (!Sources.ContainsKey(path))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingTemplate, SourceLocation.InFile(Display(path)), $"the theme has no template '{path}'"));
            }

            return false;
        }

        var context = new TemplateContext(_options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        try
        {
            // Every value the templates read is in memory: rendering completes synchronously.
            var rendering = template.RenderAsync(writer, context, Encoder, isolateContext: true);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }

            return true;
        }
        catch (Exception e) when (e is ParseException or InvalidOperationException or ArgumentException)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.TemplateError, SourceLocation.InFile(Display(path)), $"template failed: {e.Message}"));
            return false;
        }
    }

    private static (int Line, int Column) ErrorPosition(string error)
    {
        var match = ErrorPosition().Match(error);
        return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : (1, 1);
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex ErrorPosition();
}
