module newspipe

go 1.26.8
