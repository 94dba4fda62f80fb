using System.Globalization;
using Fluid;
using Fluid.Values;

namespace KneeGuide.Site.Templates;

/// <summary>Filters the theme may use beyond standard Liquid.</summary>
public static class TemplateFilters
{
    public static void Register(TemplateOptions options)
    {
        // {{ page.date | long_date }} -> 14 March 2026, the same whatever the machine's culture.
        options.Filters.AddFilter("long_date", (input, _, _) =>
        {
            var text = input.ToStringValue();
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new StringValue(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))
                : new StringValue(text);
        });
    }
}
