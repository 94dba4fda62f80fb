using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Templates;

/// <summary>
/// Structured data for search engines: MedicalWebPage for articles and mobility pages (with review
/// facts), ExercisePlan for exercises, BreadcrumbList everywhere. Serialized with an encoder that
/// escapes &lt; and &gt;, so no value can close the script element it sits in.
/// </summary>
public static class JsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default, WriteIndented = false };

    public static string ForPage(ViewModelFactory views, ContentPage page, Document doc)
    {
        var graph = new JsonArray();
        if (page.Kind is ContentKind.Article or ContentKind.Mobility)
        {
            var node = new JsonObject
            {
                ["@type"] = "MedicalWebPage",
                ["name"] = page.Title,
                ["description"] = page.Description,
                ["url"] = views.AbsoluteUrl(page.Url),
                ["datePublished"] = ViewModelFactory.Iso(page.Date),
                ["dateModified"] = ViewModelFactory.Iso(page.LastChanged),
                ["inLanguage"] = views.Site.Language,
            };
            if (page.Reviewed is { } review)
            {
                node["lastReviewed"] = ViewModelFactory.Iso(review.On);
                node["reviewedBy"] = new JsonObject { ["@type"] = "Person", ["name"] = review.By };
            }

            graph.Add(node);
        }
        else if (page.Kind == ContentKind.Exercise && doc.Get<ExerciseFrontMatter>() is { } fm)
        {
            var variables = new JsonArray { $"sets: {fm.Dosage.Sets}" };
            if (fm.Dosage.HoldSeconds is { } hold)
            {
                variables.Add($"hold: {hold} seconds");
            }

            if (fm.Dosage.Side is { } side)
            {
                variables.Add($"side: {side.ToString().ToLowerInvariant()}");
            }

            graph.Add(new JsonObject
            {
                ["@type"] = "ExercisePlan",
                ["name"] = fm.Title,
                ["description"] = fm.Summary,
                ["url"] = views.AbsoluteUrl(page.Url),
                ["exerciseType"] = string.Join(", ", fm.Targets),
                ["repetitions"] = fm.Dosage.Reps,
                ["activityFrequency"] = fm.Dosage.Frequency,
                ["additionalVariable"] = variables,
            });
        }

        var crumbs = new JsonArray();
        var position = 1;
        foreach (var crumb in views.Breadcrumbs(page))
        {
            crumbs.Add(new JsonObject { ["@type"] = "ListItem", ["position"] = position++, ["name"] = crumb.Title, ["item"] = views.AbsoluteUrl(crumb.Url) });
        }

        if (crumbs.Count > 0)
        {
            graph.Add(new JsonObject { ["@type"] = "BreadcrumbList", ["itemListElement"] = crumbs });
        }

        if (graph.Count == 0)
        {
            return "";
        }

        var root = new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph };
        return root.ToJsonString(Options);
    }
}
