using Plenary.Core.Time;

namespace Plenary.Reader.Time;

/// <summary>A time expression: tokens <c>[First, End)</c> and the date it stands for at the precision the text gives (null when it needs a publication date that is missing).</summary>
public sealed record TimeExpression(int First, int End, int Start, int EndChar, EdtfDate? Value, bool Relative, bool Future);
