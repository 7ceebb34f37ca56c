using Plenary.Core.Ids;

namespace Plenary.Reader.Persons;

/// <summary>A person the article names, with the role and state the text (or the registry) gives; later mentions point here.</summary>
public sealed class PersonEntity
{
    public required string Name { get; set; }
    public string? Role { get; set; }
    public StateId? State { get; set; }
    public int FirstToken { get; init; }
    public string Surname => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
}

/// <summary>A mention of a person: tokens <c>[First, End)</c> and the entity it names.</summary>
public readonly record struct PersonMention(int First, int End, int Entity);
