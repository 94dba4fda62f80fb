using System.Text.Encodings.Web;
using System.Text.Json;
using System.Buffers;
using System.Text;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Templates;

/// <summary>
/// Structured data for search engines: MedicalWebPage for articles and mobility pages (with review
/// facts), ExercisePlan for exercises, BreadcrumbList everywhere, every text in the page's language
/// (an exercise's from its view in that language: site.yml's targets words and the theme's dose
/// words). Serialized with an encoder that escapes &lt; and &gt;, so no value can close the script
/// element it sits in.
/// </summary>
public static class JsonLd
{
    // Written with Utf8JsonWriter rather than built as a JsonNode tree: every page has one, and the
    // tree cost more than the rest of the page's view model. JavaScriptEncoder.Default escapes <, >
    // and &, so the JSON can never close the <script> element it sits in.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <param name="exercise">An exercise page's own exercise, as its page shows it (in its language).</param>
    public static string ForPage(ViewModelFactory views, ContentPage page, ExerciseView? exercise, IReadOnlyList<LinkView> crumbs)
    {
        exercise = page.Kind == ContentKind.Exercise ? exercise : null;
        var hasPage = page.Kind is ContentKind.Article or ContentKind.Mobility || exercise is not null;
        if (!hasPage && crumbs.Count == 0)
        {
            return "";
        }

        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            if (page.Kind is ContentKind.Article or ContentKind.Mobility)
            {
                json.WriteStartObject();
                json.WriteString("@type", "MedicalWebPage");
                json.WriteString("name", page.Title);
                json.WriteString("description", page.Description);
                json.WriteString("url", views.AbsoluteUrl(page.Url));
                json.WriteString("datePublished", ViewModelFactory.Iso(page.Date));
                json.WriteString("dateModified", ViewModelFactory.Iso(page.LastChanged));
                json.WriteString("inLanguage", page.Language ?? views.DefaultLanguage);
                if (page.Reviewed is { } review)
                {
                    json.WriteString("lastReviewed", ViewModelFactory.Iso(review.On));
                    json.WriteStartObject("reviewedBy");
                    json.WriteString("@type", "Person");
                    json.WriteString("name", review.By);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }
            else if (exercise is { } e)
            {
                json.WriteStartObject();
                json.WriteString("@type", "ExercisePlan");
                json.WriteString("name", e.Title);
                json.WriteString("description", e.Summary);
                json.WriteString("url", views.AbsoluteUrl(page.Url));
                json.WriteString("inLanguage", page.Language ?? views.DefaultLanguage);
                json.WriteString("exerciseType", string.Join(", ", e.TargetTitles));
                json.WriteString("repetitions", e.Dosage.Reps);
                json.WriteString("activityFrequency", e.Dosage.Frequency);
                // The whole dose as the page writes it (sets, reps or hold, side, frequency), in its
                // language: the words a reader is told, rather than English "key: value" pairs.
                json.WriteStartArray("additionalVariable");
                json.WriteStringValue(e.Dosage.Text);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            if (crumbs.Count > 0)
            {
                json.WriteStartObject();
                json.WriteString("@type", "BreadcrumbList");
                json.WriteStartArray("itemListElement");
                var position = 1;
                foreach (var crumb in crumbs)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "ListItem");
                    json.WriteNumber("position", position++);
                    json.WriteString("name", crumb.Title);
                    json.WriteString("item", views.AbsoluteUrl(crumb.Url));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
