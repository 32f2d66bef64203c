// Two-click video: the iframe (and with it any request to the video host) is created only
// after the reader presses the button.
document.querySelectorAll("[data-two-click-video]").forEach((figure) => {
  const button = figure.querySelector(".video__load");
  if (!button) return;
  button.addEventListener("click", () => {
    const iframe = document.createElement("iframe");
    iframe.src = figure.dataset.embedUrl + (figure.dataset.embedUrl.includes("?") ? "&" : "?") + "autoplay=1";
    iframe.title = figure.dataset.title;
    iframe.allow = "autoplay; fullscreen; picture-in-picture";
    iframe.allowFullscreen = true;
    iframe.loading = "lazy";
    iframe.className = "video__frame";
    figure.querySelector(".video__consent").replaceWith(iframe);
    iframe.focus();
  });
});
