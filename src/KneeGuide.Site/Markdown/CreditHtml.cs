using System.Net;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Markdown;

/// <summary>The one short credit line ("Image: author, licence") used in figure captions.</summary>
public static class CreditHtml
{
    public static string Short(ImageCredit credit)
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

        return $"Image: {author}, {license}.";
    }
}
