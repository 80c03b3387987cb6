using System.Globalization;
using System.Text;

namespace CrossEntropy.Interactive.Charts;

/// <summary>Renders a <see cref="PlotlyChart"/> as an HTML fragment that works in VS Code, Jupyter and static pages.</summary>
internal static class PlotlyHtml
{
    // The loader is shared through one promise on window so that a notebook with twenty charts fetches
    // plotly.js once. Under RequireJS (classic Jupyter) the bundle registers as an AMD module instead of
    // setting window.Plotly, so it is loaded through requirejs there.
    private const string Script = """
(function(){var id="__ID__",fig=__FIG__,w=window;
function each(f){var ds=document.querySelectorAll('div.ce-chart[id="'+id+'"]');for(var i=0;i<ds.length;i++)if(!ds[i].getAttribute('data-ce-drawn'))f(ds[i]);}
function draw(P){each(function(d){d.setAttribute('data-ce-drawn','1');P.newPlot(d,{data:fig.data,layout:fig.layout,frames:fig.frames||[],config:{responsive:true,displaylogo:false}});});}
function fail(){each(function(d){d.textContent='plotly.js could not be loaded from __URL__.js, so this chart cannot be drawn.';});}
if(w.Plotly){draw(w.Plotly);return;}
if(!w.__crossEntropyPlotly){w.__crossEntropyPlotly=new Promise(function(ok,no){
if(typeof w.requirejs==='function'&&w.requirejs.config){w.requirejs.config({paths:{ceplotly:'__URL__'}});w.requirejs(['ceplotly'],function(P){w.Plotly=w.Plotly||P;ok(P);},no);return;}
var s=document.createElement('script');s.src='__URL__.js';s.onload=function(){ok(w.Plotly);};s.onerror=no;document.head.appendChild(s);});}
w.__crossEntropyPlotly.then(draw,fail);})();
""";

    private static readonly string UrlWithoutExtension = PlotlyJs.CdnUrl[..^".js".Length];

    public static string Fragment(PlotlyChart chart)
    {
        var html = new StringBuilder(chart.Json.Length + 1400);
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"ce-chart\" id=\"{chart.DivId}\" style=\"width:100%;max-width:{chart.Width}px;height:{chart.Height}px\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n");
        html.Append(Script
            .Replace("__ID__", chart.DivId, StringComparison.Ordinal)
            .Replace("__URL__", UrlWithoutExtension, StringComparison.Ordinal)
            .Replace("__FIG__", chart.Json, StringComparison.Ordinal));
        html.Append("\n</script>\n");
        return html.ToString();
    }
}
