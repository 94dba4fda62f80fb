using System.Net;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Markdown;

/// <summary>The one short credit line ("Image: author, licence") used in figure captions.</summary>
public static class CreditHtml
{
    /// <param name="label">What is credited: "Image", or "Video" for a clip.</param>
    public static string Short(ImageCredit credit, string label = "Image")
    {
        var author = WebUtility.HtmlEncode(credit.Author);
        if (!string.IsNullOrEmpty(credit.Source))
        {
            author = $"<a href=\"{WebUtility.HtmlEncode(credit.Source)}\">{author}</a>";
        }

        var license = WebUtility.HtmlEncode(credit.License);
        if (!string.IsNullOrEmpty(credit.LicenseUrl))
        {
            license = $"<a href=\"{WebUtility.HtmlEncode(credit.LicenseUrl)}\" rel=\"license\">{license}</a>";
        }

        return $"{WebUtility.HtmlEncode(label)}: {author}, {license}.";
    }
}
