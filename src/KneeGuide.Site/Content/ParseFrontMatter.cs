using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Reads and validates each Markdown source's front matter into its typed model and a
/// <see cref="ContentPage"/>. A page whose front matter is wrong stays in the pipeline marked as failed,
/// so links to it are not also reported as missing (one mistake, one error).
/// </summary>
public sealed class ParseFrontMatter(SourceCatalog catalog) : ParallelModule
{
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var source = input.Source!;
        var display = catalog.Display(source);
        var kind = catalog.KindOf(source);
        var diagnostics = new DiagnosticBag();
        var text = input.Content.ReadText();
        var yaml = FrontMatterSplitter.Split(text, display, diagnostics);
        object? model = null;
        if (yaml is null)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, new SourceLocation(display, 1, 1), $"missing front matter: start the file with a '---' line, the keys ({RequiredKeys(kind)}) and another '---' line"));
        }
        else if (yaml.Length > 0 || !diagnostics.HasErrors)
        {
            var root = YamlText.Parse(yaml, display, 1, diagnostics);
            if (root is null && !diagnostics.HasErrors)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, new SourceLocation(display, 1, 1), $"the front matter is empty: it needs {RequiredKeys(kind)}"));
            }
            else if (root is not null)
            {
                model = new YamlBinder(display, 1, diagnostics).Bind(ModelType(kind), root, "");
            }
        }

        if (model is ExerciseFrontMatter exercise)
        {
            CheckDosage(exercise, display, text, diagnostics);
        }

        CheckAddresses(model, diagnostics);

        context.Diagnostics.AddRange(diagnostics.Sorted());
        var failed = diagnostics.HasErrors || model is null;
        var page = ToPage(source, display, kind, model, failed);
        var document = input.With(page).With(new FrontMatterText(yaml ?? string.Empty)).WithDestination(page.Published ? ContentPaths.DestinationOf(page.Url) : null);
        return model is null ? document : document.WithFacet(model);
    }

    private static Type ModelType(ContentKind kind) => kind switch
    {
        ContentKind.Article or ContentKind.Mobility => typeof(ArticleFrontMatter),
        ContentKind.Exercise => typeof(ExerciseFrontMatter),
        _ => typeof(PageFrontMatter),
    };

    private static string RequiredKeys(ContentKind kind) => kind switch
    {
        ContentKind.Article or ContentKind.Mobility => "title, description, date",
        ContentKind.Exercise => "title, summary, targets, dosage, steps",
        _ => "title",
    };

    private static void CheckDosage(ExerciseFrontMatter exercise, string display, string text, DiagnosticBag diagnostics)
    {
        var dosage = exercise.Dosage;
        if (dosage.Reps is null && dosage.HoldSeconds is null && !diagnostics.HasErrors)
        {
            var line = text.Split('\n').TakeWhile(l => !l.StartsWith("dosage:", StringComparison.Ordinal)).Count() + 1;
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, new SourceLocation(display, line, 1), "'dosage' needs 'reps' (e.g. \"10-15\") or 'hold_seconds' (e.g. 30)"));
        }
    }

    private static void CheckAddresses(object? model, DiagnosticBag diagnostics)
    {
        var (tags, redirects) = model switch
        {
            ArticleFrontMatter a => (a.Tags, a.RedirectFrom),
            ExerciseFrontMatter e => (e.Tags, []),
            PageFrontMatter p => ([], p.RedirectFrom),
            _ => ((IReadOnlyList<Located<string>>)[], (IReadOnlyList<Located<string>>)[]),
        };
        FrontMatterValueRules.CheckTags(tags, diagnostics);
        FrontMatterValueRules.CheckRedirects(redirects, diagnostics);
    }

    private static ContentPage ToPage(string source, string display, ContentKind kind, object? model, bool failed)
    {
        var slug = ContentPaths.Slug(source);
        var url = ContentPaths.UrlOf(source);
        return model switch
        {
            ArticleFrontMatter a => new ContentPage
            {
                Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = a.Title, Description = a.Description,
                Date = a.Date, Updated = a.Updated, Reviewed = a.Reviewed, Tags = a.Tags, Exercises = a.Exercises, Mobility = a.Mobility,
                Image = a.Image, RedirectFrom = a.RedirectFrom, Draft = a.Draft, Failed = failed,
            },
            ExerciseFrontMatter e => new ContentPage
            {
                Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = e.Title, Description = e.Summary,
                Tags = e.Tags, Mobility = e.Mobility, Image = e.Image, Failed = failed,
            },
            PageFrontMatter p => new ContentPage
            {
                Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = p.Title, Description = p.Description,
                Image = p.Image, RedirectFrom = p.RedirectFrom, Draft = p.Draft, Failed = failed,
            },
            _ => new ContentPage { Source = source, Display = display, Kind = kind, Slug = slug, Url = url, Title = slug, Failed = true },
        };
    }
}
