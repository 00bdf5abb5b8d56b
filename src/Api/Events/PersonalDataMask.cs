using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Events;

/// <summary>
/// Masks a person's data the way Chinese platforms show it to those without clearance: the surname, the
/// phone's carrier prefix and last four digits, an id number's first and last four characters, an e-mail
/// address's first letter and its domain.
/// </summary>
public static class PersonalDataMask
{
    public static PersonInfo? Mask(PersonInfo? person) => person is null
        ? null
        : new PersonInfo(MaskName(person.Name), Keep(person.Phone, head: 3, tail: 4), Keep(person.IdNumber, head: 4, tail: 4), MaskEmail(person.Email));

    public static string? MaskEmail(string? email)
    {
        var at = email?.IndexOf('@') ?? -1;
        return at < 1 ? Keep(email, head: 0, tail: 0) : email![..1] + new string('*', Math.Max(1, at - 1)) + email[at..];
    }

    public static string? MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? name : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    /// <summary>Keeps the first and last characters and stars the rest; short values are starred whole.</summary>
    public static string? Keep(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        return value.Length <= head + tail
            ? new string('*', value.Length)
            : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
    }
}
