"""The baseline of bench/startup.py: a bare Typer app with one command that prints its argument."""

import typer

app = typer.Typer()


@app.command()
def main(text: str) -> None:
    print(text)


if __name__ == "__main__":
    app()
