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

        // {% assign stops = ex.cautions | starting_with: strings.exercise.stop_if %}: the items that start
        // with the words (case-insensitive), those words cut off, so a "Stop if" heading is not repeated
        // by every bullet; not_starting_with gives the other items as they are.
        options.Filters.AddFilter("starting_with", (input, arguments, _) => Prefixed(input, arguments, keep: true));
        options.Filters.AddFilter("not_starting_with", (input, arguments, _) => Prefixed(input, arguments, keep: false));
    }

    private static ValueTask<FluidValue> Prefixed(FluidValue input, FilterArguments arguments, bool keep)
    {
        var prefix = arguments.At(0).ToStringValue().Trim();
        var items = input.Enumerate(new TemplateContext()).Select(v => v.ToStringValue());
        var result = new List<FluidValue>();
        foreach (var item in items)
        {
            var starts = prefix.Length > 0 && item.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (item.Length == prefix.Length || !char.IsLetterOrDigit(item[prefix.Length]));
            if (starts && keep)
            {
                var rest = item[prefix.Length..].TrimStart(' ', ':', ',');
                result.Add(new StringValue(rest));
            }
            else if (!starts && !keep)
            {
                result.Add(new StringValue(item));
            }
        }

        return new ArrayValue(result);
    }
}
