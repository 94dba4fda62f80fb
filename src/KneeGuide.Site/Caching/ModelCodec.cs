using System.Collections;
using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Caching;

/// <summary>
/// Writes and reads a typed front matter model for the build cache by walking its properties, as
/// the YAML binder and the JSON Schemas do: a key added to a model is cached with no further code.
/// Supports the member types the binder supports.
/// </summary>
public static class ModelCodec
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo[]> Ordered = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> ListTypes = new();

    public static void Write(CacheWriter writer, object model) => WriteValue(writer, model.GetType(), model);

    /// <summary>A model's properties in key order, worked out once per type.</summary>
    private static System.Reflection.PropertyInfo[] Properties(Type type) =>
        Ordered.GetOrAdd(type, t => YamlNames.Members(t).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value).ToArray());

    public static T Read<T>(CacheReader reader) where T : class => (T)ReadValue(reader, typeof(T))!;

    private static void WriteValue(CacheWriter w, Type type, object? value)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null || !type.IsValueType)
        {
            w.WriteBool(value is not null);
            if (value is null)
            {
                return;
            }
        }

        type = underlying ?? type;
        switch (value)
        {
            case string s:
                w.WriteString(s);
                return;
            case int i:
                w.WriteInt(i);
                return;
            case bool b:
                w.WriteBool(b);
                return;
            case DateOnly d:
                w.WriteDate(d);
                return;
            case SourceLocation at:
                w.WriteLocation(at);
                return;
        }

        if (type.IsEnum)
        {
            w.WriteInt(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (value is Located<string> located)
        {
            // The common case (ids, tags, steps), without reflection.
            w.WriteBool(true);
            w.WriteString(located.Value);
            w.WriteLocation(located.Location);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Located<>))
        {
            var inner = type.GetGenericArguments()[0];
            WriteValue(w, inner, type.GetProperty("Value")!.GetValue(value));
            w.WriteLocation((SourceLocation)type.GetProperty("Location")!.GetValue(value)!);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            var list = (ICollection)value!;
            w.WriteUInt((ulong)list.Count);
            foreach (var element in list)
            {
                WriteValue(w, item, element);
            }

            return;
        }

        foreach (var property in Properties(type))
        {
            WriteValue(w, property.PropertyType, property.GetValue(value));
        }
    }

    private static object? ReadValue(CacheReader r, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if ((underlying is not null || !type.IsValueType) && !r.ReadBool())
        {
            return null;
        }

        type = underlying ?? type;
        if (type == typeof(string))
        {
            return r.ReadRequiredString();
        }

        if (type == typeof(int))
        {
            return r.ReadInt();
        }

        if (type == typeof(bool))
        {
            return r.ReadBool();
        }

        if (type == typeof(DateOnly))
        {
            return r.ReadDate() ?? throw new CacheFormatException("a date is missing");
        }

        if (type == typeof(SourceLocation))
        {
            return r.ReadLocation();
        }

        if (type.IsEnum)
        {
            return Enum.ToObject(type, r.ReadInt());
        }

        if (type == typeof(Located<string>))
        {
            var text = r.ReadBool() ? r.ReadRequiredString() : throw new CacheFormatException("a located value is missing");
            return new Located<string>(text, r.ReadLocation());
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Located<>))
        {
            var inner = ReadValue(r, type.GetGenericArguments()[0]);
            return Activator.CreateInstance(type, inner, r.ReadLocation());
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            var count = (int)r.ReadUInt();
            var list = ListTypes.GetOrAdd(item, static t => typeof(List<>).MakeGenericType(t)) is var listType && listType == typeof(List<string>)
                ? new List<string>(count)
                : listType == typeof(List<Located<string>>) ? new List<Located<string>>(count) : (IList)Activator.CreateInstance(listType, count)!;
            for (var i = 0; i < count; i++)
            {
                list.Add(ReadValue(r, item));
            }

            return list;
        }

        var instance = Activator.CreateInstance(type)!;
        foreach (var property in Properties(type))
        {
            property.SetValue(instance, ReadValue(r, property.PropertyType));
        }

        return instance;
    }
}
