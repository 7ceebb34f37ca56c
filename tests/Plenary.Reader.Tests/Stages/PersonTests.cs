using Plenary.Reader.Tests.Support;

namespace Plenary.Reader.Tests.Stages;

public sealed class PersonTests
{
    [Fact]
    public void A_title_gives_the_role_and_the_state()
    {
        var doc = TestReader.Doc("Russian presidential adviser Yuri Ushakov said the doors are open.");
        var p = Assert.Single(doc.Entities);
        Assert.Equal("Yuri Ushakov", p.Name);
        Assert.Equal("Russian presidential adviser", p.Role);
        Assert.Equal("RUS", p.State?.Value);
    }

    [Fact]
    public void A_possessive_state_before_the_title_is_the_persons_state()
    {
        var doc = TestReader.Doc("Russia’s Ambassador to Armenia, Sergei Kopyrkin, told the newspaper on Monday that Russia is committed.");
        var p = Assert.Single(doc.Entities);
        Assert.Equal("Sergei Kopyrkin", p.Name);
        Assert.Equal("RUS", p.State?.Value);
    }

    [Fact]
    public void A_surname_later_is_the_same_person()
    {
        var doc = TestReader.Doc("Kremlin spokesman Dmitry Peskov spoke on Friday. Later Peskov said more.");
        Assert.Single(doc.Entities);
        Assert.Equal(2, doc.Persons.Count);
        Assert.Equal("RUS", doc.Entities[0].State?.Value);
    }

    [Fact]
    public void Capitalized_phrases_without_a_title_or_speech_are_not_persons()
    {
        var doc = TestReader.Doc("Foreign Ministry officials and Security Council members met in Minsk.");
        Assert.Empty(doc.Entities);
    }
}
