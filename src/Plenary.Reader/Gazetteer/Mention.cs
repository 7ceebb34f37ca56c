using Plenary.Core.Ids;

namespace Plenary.Reader.Gazetteer;

public enum MentionKind
{
    /// <summary>A state by its name or an alias: "Armenia".</summary>
    State,
    /// <summary>"Armenian", "Armenians".</summary>
    Demonym,
    /// <summary>A capital: a place, and the state's government when it acts ("Yerevan decided").</summary>
    Capital,
    /// <summary>"the Kremlin": the state's government.</summary>
    Metonym,
    /// <summary>A city that is not a capital: a place only.</summary>
    City,
    Organization,
    /// <summary>"the bloc", "the organization": refers back to the organization last named.</summary>
    OrganizationRef,
    Body,
    Person,
}

/// <summary>A named thing found in the text: tokens <c>[First, End)</c>, characters <c>[Start, EndChar)</c>.</summary>
public sealed record Mention(int First, int End, int Start, int EndChar, MentionKind Kind, StateId? State = null, OrgId? Org = null,
    BodyId? Body = null, string? Place = null, int Person = -1, IReadOnlyList<BodyId>? Bodies = null)
{
    /// <summary>True when the mention can stand for a state acting or being acted on (not a demonym or a mere city).</summary>
    public bool IsStateActor => Kind is MentionKind.State or MentionKind.Capital or MentionKind.Metonym && State is not null;
    public bool IsPlace => Kind is MentionKind.Capital or MentionKind.City && Place is not null;
    public bool IsOrg => Kind is MentionKind.Organization or MentionKind.OrganizationRef or MentionKind.Body && Org is not null;
}
