namespace GridActors.Api.Open311;

/// <summary>
/// An Open311 answer, written once and rendered as XML or JSON: the specification gives each resource in both
/// formats with the same field names, an XML list being a wrapper of repeated elements where JSON has an array.
/// </summary>
public sealed record Open311Document(string RootName, Open311Node Root);

public abstract record Open311Node;

/// <summary>Named fields in the order the specification lists them; a value is text, a number, a flag, an
/// instant, null (an empty element), or a nested node.</summary>
public sealed record Open311Object(IReadOnlyList<Open311Field> Fields) : Open311Node
{
    public Open311Object(params Open311Field[] fields) : this((IReadOnlyList<Open311Field>)fields)
    {
    }
}

public sealed record Open311Field(string Name, object? Value);

/// <summary>A list whose XML items are <see cref="ItemName"/> elements: <c>&lt;services&gt;&lt;service&gt;…</c>.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<object?> Items) : Open311Node;
