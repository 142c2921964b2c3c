namespace GoKart.Ui.Tests;

/// <summary>The HTTP and browser tests share one built workspace and one server.</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiWorkspace>
{
    public const string Name = "ui";
}
