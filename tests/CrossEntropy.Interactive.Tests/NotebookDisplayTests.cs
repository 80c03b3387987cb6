using CrossEntropy.Interactive.Display;

namespace CrossEntropy.Interactive.Tests;

[Collection("NotebookDisplay")] // the hook is process-wide state
public class NotebookDisplayTests
{
    [Fact]
    public void Show_then_update_goes_to_the_connected_host_and_replaces_the_same_output()
    {
        var outputs = new List<object>();
        NotebookDisplay.Connect(v =>
        {
            var slot = outputs.Count;
            outputs.Add(v);
            return updated => outputs[slot] = updated;
        });
        try
        {
            var handle = NotebookDisplay.Show("step 0");
            handle.Update("step 1");
            handle.Update("step 2");
            Assert.Equal(["step 2"], outputs);
        }
        finally
        {
            NotebookDisplay.Disconnect();
        }
    }
}
